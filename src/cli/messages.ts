import type { Localised } from '../rules/types.js';

/** Words the command line prints besides diagnostics. */
export const CLI = {
  usageError: { zh: 'ogi-lint：{error}', en: 'ogi-lint: {error}' },
  configError: { zh: 'ogi-lint：配置有误：\n{error}', en: 'ogi-lint: invalid configuration:\n{error}' },
  internalError: {
    zh: 'ogi-lint：内部错误：{error}（加 --debug 可查看详情）',
    en: 'ogi-lint: internal error: {error} (run with --debug for details)',
  },
  writeFailed: { zh: '无法写入输出文件 {file}：{error}', en: 'cannot write the output file {file}: {error}' },
  badRuleFlag: {
    zh: '--rule 的写法应为 规则:off|warn|error 或 规则:warn:{"选项":…}，而不是 "{value}"',
    en: '--rule takes rule:off|warn|error or rule:warn:{"option":…}, not "{value}"',
  },
  badRuleJson: { zh: '--rule {rule} 的选项不是合法的 JSON：{error}', en: '--rule {rule}: the options are not valid JSON: {error}' },
  unknownFormat: { zh: '未知的输出格式 "{format}"（可用：{known}）', en: 'unknown format "{format}" (known: {known})' },
  initExists: {
    zh: '{file} 已存在，未作改动。',
    en: '{file} already exists; it was left unchanged.',
  },
  initWritten: { zh: '已写入 {file}。', en: 'wrote {file}.' },
  docsWritten: { zh: '已写入 {count} 个规则文档到 {dir}。', en: 'wrote {count} rule pages to {dir}.' },
  stdinWithPaths: { zh: '“-”（标准输入）不能与其他路径同用', en: '"-" (standard input) cannot be combined with other paths' },
  notPositive: { zh: '{flag} 应为正数，而不是 {value}', en: '{flag} takes a positive number, not {value}' },
  tooLittleMemory: {
    zh: '--file-memory 至少为 {least}（MB）：工作线程仅载入检查程序就需要十几 MB，而不是 {value}',
    en: '--file-memory takes at least {least} (MB): a worker thread needs over ten MB only to load the linter, not {value}',
  },
  notCount: { zh: '{flag} 应为正整数，而不是 {value}', en: '{flag} takes a whole number of at least 1, not {value}' },
  notNumber: { zh: '{flag} 应为数字', en: '{flag} takes a number' },
  conflictingFlags: { zh: '{a} 与 {b} 不能同时使用', en: '{a} and {b} cannot be used together' },
  fixStdin: {
    zh: '--fix 不能用于标准输入（无处写回）；请改用 --fix-dry-run 查看修改',
    en: '--fix cannot be used with standard input (there is nowhere to write); use --fix-dry-run to see the changes',
  },
  printConfigAlone: {
    zh: '--print-config 只需一个文件名，不能再给出要检查的路径或 -',
    en: '--print-config takes one file name; do not give paths to check or - as well',
  },
  suppressionsWritten: { zh: '已将 {count} 个问题记入 {file}，今后只报告新出现的问题', en: 'recorded {count} problems in {file}; later runs report only new ones' },
  suppressionsUnused: {
    zh: '{file} 中有 {count} 条记录已不再需要；可用 --prune-suppressions 清理',
    en: '{file} has {count} entries no longer needed; remove them with --prune-suppressions',
  },
  suppressStdin: { zh: '标准输入不能使用抑制文件选项', en: 'the suppressions options cannot be used with standard input' },
  unknownRule: { zh: '{flag}：没有名为“{rule}”的规则', en: '{flag}: there is no rule "{rule}"' },
  unknownRuleSuggest: { zh: '{flag}：没有名为“{rule}”的规则，是否想写“{suggestion}”？', en: '{flag}: there is no rule "{rule}"; did you mean "{suggestion}"?' },
  badLocale: { zh: '--locale 只能是 zh 或 en，而不是“{value}”', en: '--locale must be zh or en, not "{value}"' },
  didYouMean: { zh: '（是否想写 {suggestion}？）', en: ' (did you mean {suggestion}?)' },
  formatterFailed: { zh: '输出格式 {file} 出错：{error}', en: 'the formatter {file} failed: {error}' },
  formatterMissing: { zh: '找不到输出格式文件 {file}', en: 'the formatter file {file} does not exist' },
  formatterBroken: { zh: '无法加载输出格式 {file}：{error}', en: 'cannot load the formatter {file}: {error}' },
  cacheWriteFailed: { zh: '无法写入缓存文件 {file}：{error}（本次结果不受影响）', en: 'cannot write the cache file {file}: {error} (the results of this run are not affected)' },
  xlsxNeedsOutput: {
    zh: 'xlsx 是二进制文件，不能输出到终端或标准输出；请用 -o 指定要写入的文件，如 -o 统计表.xlsx',
    en: 'xlsx is a binary file and is not written to a terminal or standard output; name the file to write with -o, e.g. -o tables.xlsx',
  },
  extractNoPaths: { zh: 'extract 需要至少一个路径', en: 'extract needs at least one path' },
  noPaths: { zh: '请给出要检查的文件、目录或通配符（或用 - 读取标准输入）', en: 'give the files, folders or glob patterns to check (or - for standard input)' },
} satisfies Record<string, Localised>;
