/** The one Node global the library's text decoder uses, provided before the library loads. */
import { Buffer } from 'buffer';

const g = globalThis as { Buffer?: unknown };
if (g.Buffer === undefined) g.Buffer = Buffer;
