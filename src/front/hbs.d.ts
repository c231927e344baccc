declare module 'hbs' {
  interface HandlebarsForExpress {
    /** Registers every `.hbs` file below `directory` as a partial, dashes as underscores. */
    registerPartials(directory: string, done?: () => void): void;
  }
  const hbs: HandlebarsForExpress;
  export = hbs;
}
