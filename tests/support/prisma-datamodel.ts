import { readFileSync } from 'node:fs';
import path from 'node:path';
import prismaSchemaWasm from '@prisma/prisma-schema-wasm';

export interface DmmfField {
  name: string;
  kind: 'scalar' | 'enum' | 'object';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}

export interface DmmfDatamodel {
  enums: { name: string; values: { name: string }[] }[];
  models: { name: string; fields: DmmfField[]; primaryKey: { fields: string[] } | null }[];
  indexes: { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; fields: { name: string }[] }[];
}

/** The data model of prisma/schema.prisma, as Prisma's own schema parser reads it. */
export function readPrismaDatamodel(schemaPath = path.resolve('prisma/schema.prisma')): DmmfDatamodel {
  const prismaSchema = readFileSync(schemaPath, 'utf8');
  return JSON.parse(prismaSchemaWasm.get_dmmf(JSON.stringify({ prismaSchema }))).datamodel;
}
