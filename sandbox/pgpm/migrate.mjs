// pgpm's own plan parser and migrator (@pgpmjs/core), run on packages for the tests and the sandbox.
//
//   node sandbox/pgpm/migrate.mjs '<request as JSON>'
//
// request: { "database": "db", "packages": ["/abs/package", ...], "steps": ["deploy", "verify", "revert", ...],
//            "recursive": false }
// With no steps (and no database) it only parses, and prints each plan as pgpm reads it, one JSON line a package:
// {"package": …, "changes": [{"name": …, "dependencies": […], "planner": …, "email": …}], "tags": […]}.
// The server is the one of PGHOST, PGPORT, PGUSER and PGPASSWORD (never on the command line).
//
// Every plan is first parsed with pgpm's full parser (parsePlanFile): any error it reports fails the run, naming
// the package, line and message. Then each step runs in order, as `pgpm deploy|verify|revert --package <name>`
// would: deploy and verify go through the packages in the given order, revert in reverse order. With
// "recursive" the packages' required modules are deployed first (pgpm deploy's default), which is how the
// sandbox installs the Constructive schema; without it only the named packages are touched and their
// dependencies on other packages must already be in the database's pgpm_migrate ledger.
//
// pgpm looks packages up in a workspace: this script builds a throwaway one (pgpm.json, packages/<name> linked to
// each package, extensions/@pgpm linked to the schema packages npm installed next to this script), so that a
// dependency on another package's tag (`pgpm-verify:@0.1.0`) resolves exactly as it does in a user's workspace.
// One process runs all the steps of one request: starting node and loading @pgpmjs/core costs more than the steps.
// The parser alone loads in a fraction of the time @pgpmjs/core takes, so the migrator is loaded only when a step needs it.
import { parsePlanFile } from '@pgpmjs/ast/files/plan/parser.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const sandbox = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  process.stderr.write(message.trimEnd() + '\n');
  process.exitCode = 1;
}

function packageName(dir) {
  const control = fs.readdirSync(dir).filter((f) => f.endsWith('.control'));
  if (control.length !== 1) throw new Error(`${dir} has ${control.length} control files; a pgpm package has one`);
  return control[0].slice(0, -'.control'.length);
}

function parseOrThrow(dir, name) {
  const result = parsePlanFile(path.join(dir, 'pgpm.plan'));
  if (result.errors && result.errors.length > 0) {
    const lines = result.errors.map((e) => `  line ${e.line}: ${e.message}`).join('\n');
    throw new Error(`pgpm's plan parser rejects ${name}/pgpm.plan:\n${lines}`);
  }
  if (result.data.package !== name)
    throw new Error(`${name}/pgpm.plan names project '${result.data.package}', but its control file is ${name}.control`);
  return result.data;
}

function makeWorkspace(packages) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pgpm-migrate-'));
  fs.writeFileSync(path.join(root, 'pgpm.json'), JSON.stringify({ packages: ['packages/*'] }) + '\n');
  fs.mkdirSync(path.join(root, 'packages'));
  fs.mkdirSync(path.join(root, 'extensions'));
  const installed = path.join(sandbox, 'node_modules', '@pgpm');
  if (fs.existsSync(installed)) fs.symlinkSync(installed, path.join(root, 'extensions', '@pgpm'), 'dir');
  for (const p of packages) fs.symlinkSync(p.dir, path.join(root, 'packages', p.name), 'dir');
  return root;
}

async function main() {
  const request = JSON.parse(process.argv[2] ?? '{}');
  const { database, steps = [], recursive = false } = request;
  if (!Array.isArray(request.packages) || (steps.length > 0 && !database))
    throw new Error('usage: migrate.mjs \'{"database":…,"packages":[…],"steps":[…]}\'');

  const packages = request.packages.map((dir) => ({ dir: path.resolve(dir), name: packageName(path.resolve(dir)) }));
  for (const p of packages) {
    const plan = parseOrThrow(p.dir, p.name);
    if (steps.length === 0) {
      const changes = plan.changes.map((c) => ({ name: c.name, dependencies: c.dependencies, planner: c.planner ?? null, email: c.email ?? null }));
      process.stdout.write(JSON.stringify({ package: plan.package, changes, tags: plan.tags.map((t) => t.name) }) + '\n');
    }
  }
  if (steps.length === 0) return;

  const { PgpmPackage } = await import('@pgpmjs/core');
  const { getEnvOptions } = await import('@pgpmjs/env');
  const { teardownPgPools } = await import('pg-cache');
  const { setLogLevel } = await import('@pgpmjs/logger');
  setLogLevel(process.env.LOG_LEVEL ?? 'error');
  const workspace = makeWorkspace(packages);
  try {
    const opts = getEnvOptions({
      pg: {
        host: process.env.PGHOST,
        port: Number(process.env.PGPORT),
        user: process.env.PGUSER,
        password: process.env.PGPASSWORD,
        database,
      },
    }, workspace);
    const project = new PgpmPackage(workspace);
    for (const step of steps) {
      const order = step === 'revert' ? [...packages].reverse() : packages;
      for (const p of order) {
        try {
          if (step === 'deploy') await project.deploy(opts, p.name, recursive);
          else if (step === 'verify') await project.verify(opts, p.name, false);
          else if (step === 'revert') await project.revert(opts, p.name, false);
          else throw new Error(`unknown step '${step}' (deploy, verify or revert)`);
        } catch (error) {
          const detail = error?.message ?? String(error);
          throw new Error(`pgpm ${step} of ${p.name} into ${database} failed: ${detail}`);
        }
      }
    }
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    await teardownPgPools();
  }
}

main().catch((error) => fail(error?.message ?? String(error)));
