#!/bin/sh
# Regenerates editors/neovim.png: Neovim (Debian's neovim, aha, tmux, chromium) with the language
# server on a copy of fixtures/samples/2021-qinghe-clean.md with two mistakes made in it (a wrong
# total in table 3, a phone number cut short), the findings in the location list and the hover on
# the wrong total. Run from the repository after `npm run build`.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
sed -e 's/| | （七）总计 | | 21 | 2 | 0 | 0 | 1 | 0 | 24 |/| | （七）总计 | | 21 | 2 | 0 | 0 | 1 | 0 | 27 |/' -e 's/0701-5623108/0701-562/' \
  "$repo/fixtures/samples/2021-qinghe-clean.md" > "$work/报告.md"
echo '{ "root": true }' > "$work/.ogilintrc.json"
cat > "$work/init.lua" <<LUA
vim.o.termguicolors = true
vim.o.number = true
vim.o.signcolumn = 'yes'
vim.o.wrap = false
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'markdown', 'text' },
  callback = function(args)
    local id = vim.lsp.start_client({ name = 'ogi-lint', cmd = { 'node', '$repo/bin/ogi-lint-language-server.js', '--stdio' }, root_dir = '$work' })
    vim.lsp.buf_attach_client(args.buf, id)
  end,
})
vim.diagnostic.config({ virtual_text = { prefix = '●' }, underline = true, severity_sort = true })
vim.cmd('highlight Normal guibg=#1b1f27 guifg=#d8dee9')
vim.cmd('highlight NormalFloat guibg=#262c38 guifg=#e5e9f0')
vim.cmd('highlight SignColumn guibg=#1b1f27')
vim.cmd('highlight LineNr guifg=#5c6370 guibg=#1b1f27')
vim.cmd('highlight StatusLine guibg=#3b4252 guifg=#e5e9f0 gui=NONE')
vim.cmd('highlight StatusLineNC guibg=#2e3440 guifg=#aab1be gui=NONE')
vim.cmd('highlight EndOfBuffer guifg=#1b1f27')
vim.cmd('highlight DiagnosticVirtualTextError guifg=#e06c75')
vim.lsp.handlers['textDocument/hover'] = vim.lsp.with(vim.lsp.handlers.hover, { max_width = 120 })
LUA
session="ogi-lint-shot-$$"
tmux new-session -d -s "$session" -x 140 -y 38 -c "$work" "nvim -u init.lua 报告.md"
sleep 12
tmux send-keys -t "$session" ':lua vim.diagnostic.setloclist({open=true})' Enter
sleep 1
tmux send-keys -t "$session" ':resize 5' Enter ':wincmd k' Enter ':54' Enter 'zt' ':62' Enter ':call search("27 |", "c")' Enter ':lua vim.lsp.buf.hover()' Enter
sleep 3
tmux capture-pane -e -p -t "$session" > "$work/capture.ansi"
tmux kill-session -t "$session"
aha --black --title "ogi-lint in Neovim" < "$work/capture.ansi" |
  sed 's|<head>|<head><style>body{margin:0;padding:8px;background:#1b1f27 !important} pre{font-family:"DejaVu Sans Mono","Noto Sans Mono CJK SC",monospace;font-size:13px;line-height:1.25;margin:0}</style>|' > "$work/capture.html"
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/chrome" --window-size=1180,640 \
  --screenshot="$repo/editors/neovim.png" "file://$work/capture.html"
rm -rf "$work"
