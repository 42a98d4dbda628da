// Preloaded into the cluster's app roles with BENCH_PROFILE_DIR (NODE_OPTIONS="--import …"; Node
// 20 does not take --cpu-prof there): profiles the process from its start and writes a V8 CPU
// profile into BENCH_PROFILE_DIR when it exits (open it in Chrome DevTools). The in-process
// inspector answers synchronously, so the profile is written within the exit handler.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      const name = `${path.basename(process.argv[1] ?? 'node', '.ts')}-${process.pid}.cpuprofile`;
      writeFileSync(path.join(dir, name), JSON.stringify(result.profile));
    });
  });
}
