-- The editor test of `chartproof lsp` (issue 35), in a real editor: Debian's Neovim, headless, with
-- its built-in LSP client (0.7's API: start_client + buf_attach_client). It opens the example
-- chart's values.yaml, breaks it in the buffer (unsaved), waits for the diagnostic at that line,
-- asks for code actions there (the fix, and the exemption), applies chartproof's fix, and waits for
-- the diagnostic to go.
-- Run by run_nvim_test.sh with CHARTPROOF, HELM and CHART (a copy of examples/todo-app) set.
local cli, helm, chart = os.getenv("CHARTPROOF"), os.getenv("HELM"), os.getenv("CHART")
local failed = false
local function check(name, condition, detail)
  io.stdout:write((condition and "ok: " or "FAIL: ") .. name .. (condition and "" or (": " .. tostring(detail))) .. "\n")
  failed = failed or not condition
end
local function finish()
  io.stdout:flush()
  vim.cmd(failed and "cquit 1" or "qall!")
end

vim.cmd("edit " .. vim.fn.fnameescape(chart .. "/values.yaml"))
local buf = vim.api.nvim_get_current_buf()
local target
for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  if line == "  runAsUser: 1000" then
    target = i - 1
    break
  end
end
check("values.yaml has the line the test breaks", target ~= nil, "no '  runAsUser: 1000'")
if not target then return finish() end
vim.api.nvim_buf_set_lines(buf, target, target + 1, false, { "  runAsUser: 0" })

local client_id = vim.lsp.start_client({
  name = "chartproof",
  cmd = { cli, "lsp", "--stdio" },
  root_dir = chart,
  init_options = { helm = helm },
})
check("the client started the server", client_id ~= nil, "start_client failed")
if not client_id then return finish() end
vim.lsp.buf_attach_client(buf, client_id)

local appeared = vim.wait(90000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local diagnostics = vim.diagnostic.get(buf)
check("a diagnostic appears for the unsaved edit", appeared, "none within 90 s")
if not appeared then return finish() end
check("at the values line that was edited", diagnostics[1].lnum == target,
  "line " .. tostring(diagnostics[1].lnum) .. ", expected " .. tostring(target))
check("from chartproof's run-as-root rule", diagnostics[1].source == "chartproof"
  and tostring(diagnostics[1].code or (diagnostics[1].user_data or {}).lsp and diagnostics[1].user_data.lsp.code) == "run-as-root",
  vim.inspect(diagnostics[1]))

local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = target, character = 0 }, ["end"] = { line = target, character = 0 } },
  context = { diagnostics = {} },
}
local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 90000) or {}
local actions = (responses[client_id] or {}).result or {}
check("two code actions are offered there", #actions == 2, vim.inspect(responses))
if #actions ~= 2 then return finish() end
check("the first is chartproof's fix", actions[1].title:find("runAsUser", 1, true) ~= nil, actions[1].title)
-- Neovim's client can create files, so the exemption is offered though the chart has no policy file.
check("the second adds an exemption to a new .chartproof.yaml",
  actions[2].title:find("add an exemption from run-as-root", 1, true) ~= nil
    and actions[2].edit.documentChanges ~= nil and actions[2].edit.documentChanges[1].kind == "create",
  vim.inspect(actions[2]))
vim.lsp.util.apply_workspace_edit(actions[1].edit, "utf-16")
check("the fix is applied to the buffer", vim.api.nvim_buf_get_lines(buf, target, target + 1, false)[1] ~= "  runAsUser: 0",
  vim.api.nvim_buf_get_lines(buf, target, target + 1, false)[1])

local gone = vim.wait(90000, function() return #vim.diagnostic.get(buf) == 0 end, 50)
check("the diagnostic disappears after the fix", gone, vim.inspect(vim.diagnostic.get(buf)))
check("nothing was written to disk", vim.bo[buf].modified, "the buffer is not modified")

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
finish()
