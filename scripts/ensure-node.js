// Fails early, in words, when npm scripts did not pick up the Node the repository brings.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `flotilla needs Node 24 or newer, but npm scripts run Node ${process.versions.node}.\n` +
      'Run `npm install` first: it installs Node 24 into node_modules/.bin (package node-linux-*).',
  );
  process.exit(1);
}
