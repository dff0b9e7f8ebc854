import type { ModuleDef } from '../../../registry/module';
import { ngrpoClipSurrogate } from './ngrpo-clip.module';
import { dcpoClipSurrogate } from './dcpo-clip.module';
import { gppoSurrogate } from './gppo.module';
import { bapoSurrogate } from './bapo.module';
import { clipCovSurrogate } from './clip-cov.module';
import { klCovSurrogate } from './kl-cov.module';
import { gspoSurrogate } from './gspo.module';
import { cispoSurrogate } from './cispo.module';
import { sapoSurrogate } from './sapo.module';

/** Modules of this family, in the order the stage's menu lists them. */
export const SURROGATE_VARIANTS: readonly ModuleDef<any, any>[] = [
  ngrpoClipSurrogate,
  dcpoClipSurrogate,
  gppoSurrogate,
  bapoSurrogate,
  clipCovSurrogate,
  klCovSurrogate,
  gspoSurrogate,
  cispoSurrogate,
  sapoSurrogate,
];
