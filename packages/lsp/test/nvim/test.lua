-- Neovim (0.7+) as a real LSP client for replylint-lsp.
--
-- Run: nvim --headless --clean -u NONE -n -c "luafile test.lua"
-- Environment: REPLYLINT_LSP_BIN (dist/bin/replylint-lsp.js), REPLYLINT_NODE (node
-- executable), REPLYLINT_REPLY (a Japanese reply file to open).
-- Prints "ok - …" per check and "DONE" at the end; on failure prints "FAIL: …" and exits
-- with :cquit (non-zero status).

local function out(line)
  io.stdout:write(line .. '\n')
end

local function fail(message)
  out('FAIL: ' .. message)
  vim.cmd('cquit 1')
end

local function check(condition, message)
  if not condition then
    error(message, 0)
  end
  out('ok - ' .. message)
end

local function main()
  local server = assert(os.getenv('REPLYLINT_LSP_BIN'), 'REPLYLINT_LSP_BIN not set')
  local node = os.getenv('REPLYLINT_NODE') or 'node'
  local reply = assert(os.getenv('REPLYLINT_REPLY'), 'REPLYLINT_REPLY not set')

  vim.cmd('edit ' .. vim.fn.fnameescape(reply))
  local bufnr = vim.api.nvim_get_current_buf()
  -- With -u NONE there is no filetype detection; Neovim calls plain text "text".
  vim.bo[bufnr].filetype = 'text'

  -- Keep the raw LSP diagnostics (UTF-16 ranges) next to what vim.diagnostic shows.
  local published = nil
  local statuses = {}
  local client_id = vim.lsp.start_client({
    name = 'replylint',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(reply, ':h'),
    -- Answered to workspace/configuration (section "replylint").
    settings = { replylint = { channel = 'email' } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        published = result
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
      ['replylint/status'] = function(_, result)
        table.insert(statuses, result)
      end,
    },
  })
  check(client_id ~= nil, 'started replylint-lsp')
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function with_code(list, code)
    for _, d in ipairs(list) do
      if d.code == code then
        return d
      end
    end
    return nil
  end
  -- What the server sent (UTF-16 ranges), and what Neovim shows (byte columns).
  local function raw(code)
    return with_code(published and published.diagnostics or {}, code)
  end
  local function shown(code)
    return with_code(vim.diagnostic.get(bufnr), code)
  end

  -- The Japanese dictionary loads in the background; allow for a slow machine.
  local got = vim.wait(30000, function()
    return shown('supplier-centred-wording') ~= nil and shown('empathy-acknowledgement') ~= nil
  end, 20)
  check(got, 'both findings shown: supplier-centred-wording and empathy-acknowledgement')

  -- 「規定により」 is line 6 (0-based 5), characters 0-5 in UTF-16, bytes 0-15 in Neovim.
  local supplier = raw('supplier-centred-wording')
  check(supplier.range.start.line == 5 and supplier.range.start.character == 0
    and supplier.range['end'].line == 5 and supplier.range['end'].character == 5,
    'supplier-centred-wording range is the phrase (UTF-16)')
  local shown_supplier = shown('supplier-centred-wording')
  check(shown_supplier.lnum == 5 and shown_supplier.col == 0 and shown_supplier.end_col == 15,
    'Neovim maps it to bytes 0-15 of line 6')
  check(supplier.source == 'replylint' and supplier.codeDescription and supplier.codeDescription.href:match('supplier%-centred%-wording'),
    'source and rule documentation link')

  -- Hover: why it matters, with examples.
  local uri = vim.uri_from_bufnr(bufnr)
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = { uri = uri }, position = supplier.range.start }, 10000)
  local hover_value = hover and hover[client_id] and hover[client_id].result and hover[client_id].result.contents.value or ''
  check(hover_value:match('supplier%-centred%-wording') ~= nil, 'hover explains the finding')

  -- Code actions for the finding; apply the quick fix as :lua vim.lsp.buf.code_action() would.
  local response = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = supplier.range,
    context = { diagnostics = { supplier } },
  }, 10000)
  local actions = response and response[client_id] and response[client_id].result or {}
  local fix, docs = nil, nil
  for _, action in ipairs(actions) do
    local linked = action.diagnostics and action.diagnostics[1] and action.diagnostics[1].code
    if action.edit and linked == 'supplier-centred-wording' and not fix then
      fix = action
    end
    if action.command and action.command.command == 'replylint.openRuleDoc' then
      docs = action
    end
  end
  check(fix ~= nil, 'quick fix offered: ' .. (fix and fix.title or 'none'))
  check(docs ~= nil, 'open-documentation action offered')

  local line_before = vim.api.nvim_buf_get_lines(bufnr, 5, 6, false)[1]
  local closing_before = vim.api.nvim_buf_get_lines(bufnr, 6, -1, false)
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  local line_after = vim.api.nvim_buf_get_lines(bufnr, 5, 6, false)[1]
  check(line_after ~= line_before and line_after:sub(-#'返金はできかねます。') == '返金はできかねます。',
    'fix replaced only the phrase: ' .. line_after)
  check(vim.deep_equal(closing_before, vim.api.nvim_buf_get_lines(bufnr, 6, -1, false)), 'text after the edit unchanged')

  local gone = vim.wait(15000, function()
    return published ~= nil and raw('supplier-centred-wording') == nil and raw('empathy-acknowledgement') ~= nil
  end, 20)
  check(gone, 'supplier-centred-wording gone after the fix; empathy-acknowledgement remains')
  check(#statuses > 0 and statuses[#statuses].language == 'ja', 'replylint/status received (language ja)')

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function()
    return vim.lsp.get_client_by_id(client_id) == nil
  end, 20)
  out('DONE')
end

local ok, err = pcall(main)
if not ok then
  fail(tostring(err))
else
  vim.cmd('qall!')
end
