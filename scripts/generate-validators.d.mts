/** ajv's options for the schemas that ship with ogi-lint, as src/config/schema.ts uses them at run time. */
export declare const AJV_OPTIONS: { allErrors: boolean; strict: boolean; useDefaults: boolean; verbose: boolean };
/** Where the generated modules go, relative to the repository. */
export declare const OUTPUT_DIR: string;
/** The generated modules, by path relative to the repository (or `root`), as their text. */
export declare function generate(root?: string): Map<string, string>;
/** The generated files whose text on disk differs from what the schemas give now. */
export declare function staleFiles(root?: string): string[];
