#!/usr/bin/env bash
# Regenerates docs/editor-neovim.png, the screenshot docs/editors.md shows: Neovim (headless in
# tmux, its built-in LSP client) on the example chart's values.yaml with `runAsUser: 0` typed in
# and not saved, once chartproof lsp has published; the terminal's text and colours are turned
# into HTML (scripts/ansi_to_html.py) and shot with Debian's chromium, headless.
# Usage: make-editor-screenshot.sh [CHARTPROOF]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/cli/chartproof}
helm=$("$root/scripts/get-helm.sh")
work=$(mktemp -d)
trap 'tmux kill-session -t chartproof-shot 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$root/examples/todo-app" "$work/todo-app"
cat > "$work/init.lua" <<LUA
vim.o.number = true
vim.o.signcolumn = "yes"
vim.cmd("highlight SignColumn ctermbg=NONE")
vim.diagnostic.config({ virtual_text = { prefix = "●" }, signs = true, underline = true })
vim.api.nvim_create_autocmd("VimEnter", { callback = function()
  local buf = vim.api.nvim_get_current_buf()
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line == "  runAsUser: 1000" then vim.api.nvim_buf_set_lines(buf, i - 1, i, false, { "  runAsUser: 0" })
      vim.api.nvim_win_set_cursor(0, { i, 13 }) break end
  end
  local id = vim.lsp.start_client({ name = "chartproof", cmd = { "$bin", "lsp", "--stdio" },
                                    root_dir = "$work/todo-app", init_options = { helm = "$helm" } })
  vim.lsp.buf_attach_client(buf, id)
end })
LUA
tmux new-session -d -s chartproof-shot -x 132 -y 22 \
  "cd $work/todo-app && HOME=$work TERM=xterm-256color nvim --clean -n -u $work/init.lua values.yaml"
for _ in $(seq 1 100); do
  tmux capture-pane -p -t chartproof-shot | grep -q "runs as UID 0" && break
  sleep 0.2
done
sleep 0.5
tmux capture-pane -e -p -t chartproof-shot > "$work/screen.ansi"
python3 "$root/scripts/ansi_to_html.py" < "$work/screen.ansi" > "$work/screen.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
  --window-size=1120,400 --screenshot="$root/docs/editor-neovim.png" "file://$work/screen.html" >/dev/null 2>&1
echo "wrote docs/editor-neovim.png"
