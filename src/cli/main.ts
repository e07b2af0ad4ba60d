/**
 * The `luoscope` bin (`luoscope replay FILE [--json]`; in a checkout `npm run cli -- ...`): runs `main` on the process's
 * arguments and sets the exit status once the output has been written.
 */
import { EXIT, main } from './cli';

// A reader that closes the pipe early (`| head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`luoscope: internal error: ${String(error)}\n`);
    process.exitCode = EXIT.internal;
  },
);
