-- A headless run of Neovim's own LSP client against `kader lsp` (by hand, not in CI):
--
--   cp -r fixtures/jaarplan-2026-2027 /tmp/nvim-plan
--   cd /tmp/nvim-plan && KADER=/pad/naar/target/release/kader \
--     nvim --headless -u NONE -c "luafile /pad/naar/editors/nvim/smoke.lua"
--
-- It opens a draft, waits for the diagnostics, applies the quick fix of one finding,
-- completes a policy ID, and prints what it saw.
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)")
local kader = dofile(here .. "kader.lua")
-- -u NONE starts without filetype detection, which the FileType autocommand needs.
vim.cmd("filetype on")
kader.setup({ cmd = { os.getenv("KADER") or "kader", "lsp" } })

local function say(...)
  io.stdout:write(table.concat({ ... }, " ") .. "\n")
end

vim.cmd("edit team-praktijkondersteuning.md")
local buf = vim.api.nvim_get_current_buf()
local ok = vim.wait(10000, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)
say("diagnostics:", tostring(ok), #vim.diagnostic.get(buf))
for _, d in ipairs(vim.diagnostic.get(buf)) do
  say(string.format("  %d:%d %s %s", d.lnum + 1, d.col + 1, d.code or "?", (d.message:gsub("\n.*", ""))))
end

-- The quick fix of beleidslijn-titel, applied as the editor would.
local target
for _, d in ipairs(vim.diagnostic.get(buf)) do
  if d.code == "beleidslijn-titel" then
    target = d
  end
end
local params_range = {
  start = { line = target.lnum, character = target.col },
  ["end"] = { line = target.end_lnum, character = target.end_col },
}
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = params_range,
  context = {
    diagnostics = {
      -- Neovim 0.7 keeps only the code of the server's diagnostic (user_data.lsp).
      {
        range = params_range,
        message = target.message,
        code = target.code,
      },
    },
  },
}
local result = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 5000)
if os.getenv("KADER_SMOKE_DEBUG") then say(vim.inspect(params), vim.inspect(result)) end
for _, r in pairs(result or {}) do
  if r.error or r.err then
    say("code action error:", vim.inspect(r.error or r.err))
  end
  for _, action in ipairs(r.result or {}) do
    say("code action:", action.title)
    if action.isPreferred then
      vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
    end
  end
end
say("line after the fix:", vim.api.nvim_buf_get_lines(buf, target.lnum, target.lnum + 1, false)[1])
vim.wait(3000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == "beleidslijn-titel" then
      return false
    end
  end
  return true
end, 50)
local left = 0
for _, d in ipairs(vim.diagnostic.get(buf)) do
  if d.code == "beleidslijn-titel" then
    left = left + 1
  end
end
say("beleidslijn-titel left after the edit:", left)

-- Completion after `Beleidslijn:`.
vim.api.nvim_buf_set_lines(buf, -1, -1, false, { "- **Beleidslijn:** HA." })
local last = vim.api.nvim_buf_line_count(buf)
local items = vim.lsp.buf_request_sync(buf, "textDocument/completion", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = last - 1, character = #"- **Beleidslijn:** HA." },
}, 5000)
for _, r in pairs(items or {}) do
  local list = r.result.items or r.result
  say("completion items:", #list)
  for i = 1, math.min(3, #list) do
    say("  " .. list[i].label .. " — " .. (list[i].detail or ""))
  end
end
vim.lsp.stop_client(vim.lsp.get_active_clients())
vim.wait(2000, function()
  return #vim.lsp.get_active_clients() == 0
end, 50)
vim.cmd("qa!")
