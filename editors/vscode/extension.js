// The smallest VS Code extension for kader: start `kader lsp` for Markdown files and let
// vscode-languageclient do the rest (pull diagnostics, quick fixes, fix-all on save,
// completion, hover, go to definition).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("kader").get("path") || "kader";
  const server = { command, args: ["lsp"] };
  client = new LanguageClient(
    "kader",
    "kader",
    { run: server, debug: server },
    {
      documentSelector: [{ scheme: "file", language: "markdown" }],
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{kader.toml,*.kader,*.toml}"),
      },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
