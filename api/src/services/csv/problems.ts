/** A mistake in an imported file, located the way a spreadsheet user finds it: row number and column. */
export interface ImportProblem {
  /** 1-based line in the file as a spreadsheet numbers it (the header is row 1); 0 for the file itself. */
  row: number;
  /** Column header, or null for a problem with the whole row or file. */
  column: string | null;
  message: string;
}

/** Collects problems while a file is read; a cell parser reports into it and returns null. */
export class ProblemList {
  readonly items: ImportProblem[] = [];

  add(row: number, column: string | null, message: string): null {
    this.items.push({ row, column, message });
    return null;
  }

  get isEmpty(): boolean {
    return this.items.length === 0;
  }
}
