// Starts `chartproof lsp` for YAML and Helm files and passes the chartproof.* settings to it
// (docs/editors.md). `npm install` here, then "Developer: Install Extension from Location...".
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function settings() {
  const c = vscode.workspace.getConfiguration("chartproof");
  return {
    profile: c.get("profile"), policy: c.get("policy"), values: c.get("values"),
    kubeVersion: c.get("kubeVersion"), helm: c.get("helm") || undefined,
  };
}

function activate(context) {
  const command = vscode.workspace.getConfiguration("chartproof").get("path") || "chartproof";
  client = new LanguageClient("chartproof", "chartproof", { command, args: ["lsp", "--stdio"] }, {
    documentSelector: [{ scheme: "file", language: "yaml" }, { scheme: "file", language: "helm" },
                       { scheme: "file", pattern: "**/templates/**" }],
    initializationOptions: settings(),
  });
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration("chartproof") && client) {
      client.sendNotification("workspace/didChangeConfiguration", { settings: { chartproof: settings() } });
    }
  }));
  client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
