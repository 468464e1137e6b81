import { Tag } from 'nhsuk-react-components';
import { skillLevelLabel } from '../format.ts';

interface LevelledSkill {
  skill: { id: string; name: string };
  level: number;
}

/** Skills as tags, e.g. "SQL: 3 Practitioner", or "SQL: 3 Practitioner or above" for a requirement. */
export function SkillTags({ skills, orAbove = false }: { skills: readonly LevelledSkill[]; orAbove?: boolean }) {
  return (
    <ul className="app-tag-list">
      {skills.map(({ skill, level }) => (
        <li key={skill.id}>
          <Tag modifier="white">
            {skill.name}: {skillLevelLabel(level)}
            {orAbove && level < 4 ? ' or above' : ''}
          </Tag>
        </li>
      ))}
    </ul>
  );
}
