import { builder } from './builder.ts';
import './scalars.ts';
import './auth.ts';
import './ics.ts';
import './organisations.ts';
import './skills.ts';
import './role-profiles.ts';
import './analysts.ts';
import './projects.ts';
import './requests.ts';
import './allocations.ts';

export const schema = builder.toSchema();
