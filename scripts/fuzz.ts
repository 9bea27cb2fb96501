/**
 * The long fuzz runs (`npm run fuzz`): the server fuzz over many more documents and seeds, and the
 * --fix kill test over a 15,000-file library. `npm test` runs short versions of both.
 * RESOURCE_AUTHORING_FUZZ_SEED picks the first seed; RESOURCE_AUTHORING_FUZZ_DOCUMENTS, _FILES and
 * _KILLS change the sizes.
 */
import { fuzzServer } from '../test/fuzz/fuzzServer';
import { killFix } from '../test/fuzz/killFix';

const env = (name: string, fallback: number) => Number(process.env[`RESOURCE_AUTHORING_FUZZ_${name}`] ?? fallback);

async function main(): Promise<void> {
  const seed = env('SEED', Date.now() % 100000);
  const documents = env('DOCUMENTS', 20000);
  console.log(`server fuzz: seed ${seed}, ${documents} documents`);
  const started = Date.now();
  const totals = await fuzzServer({ seed, documents, log: (m) => console.log(`  ${m}`) });
  console.log(`  ${JSON.stringify(totals)} in ${Math.round((Date.now() - started) / 1000)} s`);
  const files = env('FILES', 15000);
  const kills = env('KILLS', 300);
  console.log(`--fix kill test: seed ${seed}, ${files} files, ${kills} kills`);
  const killed = await killFix({ seed, files, kills, log: (m) => console.log(`  ${m}`) });
  console.log(`  ${JSON.stringify(killed)}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
