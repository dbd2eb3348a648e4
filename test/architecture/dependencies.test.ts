// The house's import rules (.dependency-cruiser.cjs): folders import downward only, through each other's index.ts,
// with no folder loop and no file cycle. Run over src/ as it is, and over a planted house to show the rules bite.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, test } from 'vitest';

const houseRules = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as { forbidden: IForbiddenRuleType[] };
const projectRoot = path.join(import.meta.dirname, '..', '..');

/** Every broken rule as one readable line: rule, from → to (or the loop). */
async function violations(baseDir: string): Promise<string[]> {
  const result = await cruise(
    ['src'],
    { baseDir, validate: true, ruleSet: { forbidden: houseRules.forbidden }, tsPreCompilationDeps: true, doNotFollow: { path: 'node_modules' } },
    undefined,
    { tsConfig: extractTSConfig(path.join(projectRoot, 'tsconfig.json')) },
  );
  const { summary } = result.output as ICruiseResult;
  return summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`);
}

describe('the import rules of src/', () => {
  test('when src/ is cruised with the house rules, then no import breaks them', async () => {
    // given the project as it stands
    // when
    const found = await violations(projectRoot);
    // then
    expect(found).toEqual([]);
  });

  test('when a lower folder imports a higher one and folders import each other past index.ts, then each rule names it', async () => {
    // given a small house: auth (the bottom) imports web, web reaches into auth past its index.ts
    const dir = await mkdtemp(path.join(os.tmpdir(), 'house-'));
    try {
      await mkdir(path.join(dir, 'src', 'auth'), { recursive: true });
      await mkdir(path.join(dir, 'src', 'web'), { recursive: true });
      await writeFile(path.join(dir, 'src', 'auth', 'index.ts'), "export { roles } from './roles.js';\n");
      await writeFile(path.join(dir, 'src', 'auth', 'roles.ts'), "import { page } from '../web/index.js';\nexport const roles = [page];\n");
      await writeFile(path.join(dir, 'src', 'web', 'index.ts'), "import { roles } from '../auth/roles.js';\nexport const page = 'start';\nexport const menu = roles;\n");
      // when
      const found = await violations(dir);
      // then
      const rules = new Set(found.map((line) => line.split(':')[0]));
      expect(rules).toEqual(new Set(['layer-auth', 'through-index', 'no-folder-loop', 'no-file-cycle']));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
