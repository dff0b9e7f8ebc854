import type { ModuleDef, StageName } from '../module';
import { FAMILY as budgets } from './budgets';
import { FAMILY as guided } from './guided';
import { FAMILY as tools } from './tools';
import { FAMILY as offpolicy } from './offpolicy';
import { FAMILY as critics } from './critics';

const FAMILIES = [budgets, guided, tools, offpolicy, critics];

/** Every family's modules of one stage. */
export function familyModules(stage: StageName): readonly ModuleDef<any, any>[] {
  return FAMILIES.flatMap((f) => f[stage] ?? []);
}
