-- kader in Neovim (0.7 and later): the language server for every Markdown buffer.
--
--   require("kader")            -- with this file on 'runtimepath' (lua/kader.lua), or
--   dofile("/pad/naar/kader/editors/nvim/kader.lua")
--
-- One server per workspace: the folder of kader.toml above the file, else the working
-- folder. Neovim 0.7 has no vim.lsp.start, so the client is started and attached by hand.
local M = {}

M.cmd = { "kader", "lsp" }

local clients = {}

local function root_dir(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  local dir = vim.fn.fnamemodify(file, ":p:h")
  local found = vim.fn.findfile("kader.toml", dir .. ";")
  if found ~= "" then
    return vim.fn.fnamemodify(found, ":p:h")
  end
  return vim.fn.getcwd()
end

function M.attach(bufnr)
  local root = root_dir(bufnr)
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client({
      name = "kader",
      cmd = M.cmd,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    })
    clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

function M.setup(opts)
  opts = opts or {}
  if opts.cmd then
    M.cmd = opts.cmd
  end
  vim.api.nvim_create_autocmd("FileType", {
    pattern = "markdown",
    callback = function(args)
      M.attach(args.buf)
    end,
  })
end

return M
