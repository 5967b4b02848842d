import type { BuildOptions } from 'esbuild';

/** The esbuild options of the three main-process bundles (see build-main.mjs). */
export function mainBundles(): Promise<BuildOptions[]>;
