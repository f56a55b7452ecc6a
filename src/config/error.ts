/*
 * The error of a configuration that cannot be used, in a module of its own: the command line's main
 * thread reports it without loading the profiles, the schemas or the rules.
 */

/** A configuration that cannot be used. `message` is English; `zh`, when given, says it in Chinese. */
export class ConfigError extends Error {
  readonly zh?: string;
  constructor(message: string | { zh: string; en: string }) {
    super(typeof message === 'string' ? message : message.en);
    if (typeof message !== 'string') this.zh = message.zh;
    this.name = 'ConfigError';
  }

  /** the message in a language (English where no Chinese was given) */
  in(locale: 'zh' | 'en'): string {
    return locale === 'zh' && this.zh !== undefined ? this.zh : this.message;
  }
}
