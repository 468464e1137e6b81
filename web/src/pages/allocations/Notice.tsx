/** What just happened, announced politely: a decision sent, proposals confirmed. */
export function Notice({ children }: { children: string }) {
  return (
    <div className="nhsuk-inset-text" role="status">
      <p>{children}</p>
    </div>
  );
}
