/**
 * The document model every form template produces and the one renderer (render-pdf) draws.
 * A template is versioned data: an id that names the circular it follows, the legal number and
 * title, and a function from the form's data to plain blocks. Wording and numbering therefore
 * live in templates/*, and a newer circular adds a template beside the old one instead of
 * changing code.
 */

/** A piece of text in one style. */
export interface Span {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** Plain text, or spans in mixed styles; "\n" breaks the line. */
export type RichText = string | readonly Span[];

export type Align = 'left' | 'center' | 'right' | 'justify';

/** Named sizes so every form shares one typographic scale (see render-pdf). */
export type TextSize = 'small' | 'body' | 'title';

export interface TextBlock {
  readonly kind: 'text';
  readonly text: RichText;
  readonly align?: Align;
  readonly size?: TextSize;
  /** Applies to spans that do not say otherwise. */
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Extra indent of the first line, in points (paragraphs of a letter). */
  readonly firstLineIndent?: number;
  /**
   * A line under the text, as under the issuing unit and the motto: 'full' as wide as the widest
   * line, 'short' a third of it.
   */
  readonly rule?: 'full' | 'short';
  /** Points above the block; the renderer drops it at the top of a page. */
  readonly spaceBefore?: number;
  /** A heading: moves to the next page with what follows it. */
  readonly keepWithNext?: boolean;
}

export interface ListItem {
  /** "1.", "(2)", "-". */
  readonly marker: string;
  readonly text: RichText;
  /** A nested list, aligned under this item's text. */
  readonly items?: readonly ListItem[];
}

/** Items with a marker column: wrapped lines align under the item's text, not under the marker. */
export interface ListBlock {
  readonly kind: 'list';
  readonly items: readonly ListItem[];
  /** Points from the left edge to the markers. */
  readonly indent?: number;
  readonly size?: TextSize;
  readonly spaceBefore?: number;
}

/** Side-by-side columns (letterhead, signatures); kept on one page. */
export interface ColumnsBlock {
  readonly kind: 'columns';
  /** `width` is a fraction of the text width; the fractions add up to at most 1. */
  readonly columns: readonly { readonly width: number; readonly blocks: readonly Block[] }[];
  readonly spaceBefore?: number;
}

export interface TableColumn {
  readonly header: string;
  /** Fraction of the text width. */
  readonly width: number;
  readonly align?: Align;
}

/** A ruled table; rows never split, and the header row repeats on every page. */
export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly RichText[])[];
  readonly size?: TextSize;
  readonly spaceBefore?: number;
}

/** A QR code drawn as vector squares: sharp at any printer resolution. */
export interface QrBlock {
  readonly kind: 'qr';
  readonly payload: string;
  /** Side of the symbol in points, quiet zone included. */
  readonly size: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly spaceBefore?: number;
}

/**
 * A horizontal bar chart drawn as vector shapes, one bar per row: its label, the bar (lengths in
 * proportion to the largest value) and the value in words, so the figure reads without the bar.
 */
export interface BarsBlock {
  readonly kind: 'bars';
  readonly bars: readonly { readonly label: string; readonly value: number; readonly valueText: string }[];
  readonly size?: TextSize;
  readonly spaceBefore?: number;
}

/** Blank vertical space, e.g. room for a handwritten signature. */
export interface SpaceBlock {
  readonly kind: 'space';
  readonly height: number;
}

export type Block = TextBlock | ListBlock | ColumnsBlock | TableBlock | QrBlock | BarsBlock | SpaceBlock;

/** What a template may vary by besides its data: the copy being printed. */
export interface RenderEnv {
  /** "Liên 1: Lưu" … for templates printed in several copies, else undefined. */
  readonly copy?: string;
}

export interface FormTemplate<D> {
  /** `<form>@<circular>`, e.g. "mau-01@tt03-2025". */
  readonly id: string;
  /** The number the circular gives the form ("Mẫu số 01"); goes into the PDF metadata. */
  readonly number?: string;
  readonly title: string;
  readonly orientation: 'portrait' | 'landscape';
  /** Copy labels; each copy starts on a new page of the same PDF. */
  readonly copies?: readonly string[];
  readonly build: (data: D, env: RenderEnv) => readonly Block[];
}
