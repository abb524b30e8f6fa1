/**
 * Money in Tandem is always an integer number of pence. This is the one module that
 * parses, adds and formats it: never floats, never formatted by hand in a component.
 */

export type Pence = number & { readonly __brand?: "Pence" };

/** The largest amount Tandem accepts: £10 million, well inside PostgreSQL's integer. */
export const MAX_PENCE = 1_000_000_000;

export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MoneyError";
  }
}

export function isPence(value: unknown): value is Pence {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && value <= MAX_PENCE;
}

/** Pence from a whole number of pence, refusing fractions, negatives and absurd sizes. */
export function pence(value: number): Pence {
  if (!Number.isInteger(value)) throw new MoneyError("An amount must be a whole number of pence.");
  if (value < 0) throw new MoneyError("An amount cannot be negative.");
  if (value > MAX_PENCE) throw new MoneyError("That amount is larger than Tandem accepts (£10,000,000).");
  return value as Pence;
}

export function addPence(...amounts: Pence[]): Pence {
  return pence(amounts.reduce<number>((total, amount) => total + amount, 0));
}

export function subtractPence(from: Pence, amount: Pence): Pence {
  if (amount > from) throw new MoneyError("The result would be negative.");
  return (from - amount) as Pence;
}

const POUNDS_PATTERN = /^£?\s*(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses what a person types ("£1,234.56", "1234.5", "1234") into pence, without
 * floating point. Throws a MoneyError with a message fit to show them.
 */
export function parsePounds(input: string): Pence {
  const text = input.trim();
  if (text === "") throw new MoneyError("Enter an amount in pounds, like 1,250.00");
  if (text.startsWith("-")) throw new MoneyError("An amount cannot be negative.");
  const match = POUNDS_PATTERN.exec(text);
  if (!match) throw new MoneyError("Enter an amount in pounds, like 1,250.00");
  const pounds = Number.parseInt(match[1]!.replaceAll(",", ""), 10);
  const fraction = (match[2] ?? "").padEnd(2, "0");
  return pence(pounds * 100 + Number.parseInt(fraction || "0", 10));
}

const formatter = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

/** £1,234.56 */
export function formatPence(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new MoneyError("Only whole pence can be formatted.");
  const negative = amount < 0;
  const absolute = Math.abs(amount);
  const text = formatter.format(Math.trunc(absolute / 100) + (absolute % 100) / 100);
  return negative ? `-${text}` : text;
}

/** 1234.56 as a plain decimal string, for CSV number columns (no £, no thousands separator). */
export function penceToDecimalString(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new MoneyError("Only whole pence can be exported.");
  const sign = amount < 0 ? "-" : "";
  const absolute = Math.abs(amount);
  return `${sign}${Math.trunc(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}`;
}
