#pragma once
/// \file
/// `chartproof lsp`: a Language Server Protocol server over a pair of file descriptors (standard
/// input and output), publishing chartproof's findings as diagnostics on the template and values
/// lines of the charts open in an editor, with `chartproof fix`'s verified edits as code actions
/// (docs/editors.md).

#include <ostream>

namespace chartproof {

/// Serves one client until it sends `exit` or closes `in`: reads framed JSON-RPC messages from `in`,
/// writes only protocol messages to `out`, notes what goes wrong with the transport on `log`. Lints
/// after a quiet moment of 10 ms; edits that arrive meanwhile, or while a lint runs, are linted
/// once, at their newest text. Returns
/// the exit code: 0 after shutdown and exit, 1 otherwise.
int serve_language_server(int in, int out, std::ostream& log);

}  // namespace chartproof
