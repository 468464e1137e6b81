export const DEMO_ICS = { name: 'North Dales Integrated Care System', code: 'NDICS' } as const;
