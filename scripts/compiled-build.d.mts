// Types of scripts/compiled-build.mjs, for the TypeScript that imports it (tests).
export declare const ROOT: string;
export declare const BUILD_CONFIG: string;
export declare const BUILD_DIR: string;
export declare const STAMP: string;
export declare function freshBuild(root?: string): string | undefined;
