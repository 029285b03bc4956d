// Writes docs/errors.md from the error catalogue: `npx tsx tools/errors-doc.ts`.
// A test fails when the file is out of step with the code.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderErrorsDoc } from '../test/support/errors-doc.ts';

const file = path.join(import.meta.dirname, '..', 'docs', 'errors.md');
writeFileSync(file, await renderErrorsDoc());
console.log(`wrote ${file}`);
