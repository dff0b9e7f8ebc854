import type { ModuleDef, StageName } from '../module';

/** A family of modules added by one paper group: its modules by stage. */
export type Family = Partial<Record<StageName, readonly ModuleDef<any, any>[]>>;
