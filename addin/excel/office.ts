/**
 * The few Office.js (Excel JavaScript API) shapes the adapter uses, written out structurally so
 * the adapter runs against the real `Excel.RequestContext` in Office and against the fake in
 * test/fakes/excel.ts, without a dependency on @types/office-js.
 */

export interface ClientResult<T> {
  readonly value: T;
}

export interface CellFormatProps {
  fill?: { color?: string | null };
  font?: { bold?: boolean | null };
}
export interface CellProps {
  format?: CellFormatProps;
  rowHidden?: boolean | null;
}
export interface PropsLoadOptions {
  format?: { fill?: { color?: boolean }; font?: { bold?: boolean } };
  rowHidden?: boolean;
}

export interface FillLike {
  color: string | null;
  clear(): void;
}
export interface FontLike {
  bold: boolean | null;
}
export interface FormatLike {
  readonly fill: FillLike;
  readonly font: FontLike;
}

export interface RangeLike {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  values: unknown[][];
  readonly formulas: unknown[][];
  readonly format: FormatLike;
  load(properties: string): unknown;
  select(): void;
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
  getRow(row: number): RangeLike;
  getEntireRow(): RangeLike;
  getIntersection(address: string): RangeLike;
  getResizedRange(deltaRows: number, deltaColumns: number): RangeLike;
  getOffsetRange(rowOffset: number, columnOffset: number): RangeLike;
  getCellProperties(options: PropsLoadOptions): ClientResult<CellProps[][]>;
  getRowProperties(options: PropsLoadOptions): ClientResult<CellProps[]>;
  getColumnProperties(options: PropsLoadOptions): ClientResult<CellProps[]>;
}

export interface RangeAreasLike {
  readonly format: FormatLike;
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
}

export interface WorksheetLike {
  readonly isNullObject: boolean;
  readonly name: string;
  readonly id: string;
  load(properties: string): unknown;
  delete(): void;
  getRange(address?: string): RangeLike;
  getRanges(address: string): RangeAreasLike;
  getUsedRange(valuesOnly?: boolean): RangeLike;
}

export interface SettingLike {
  readonly isNullObject: boolean;
  readonly value: unknown;
  load(properties: string): unknown;
  delete(): void;
}

export interface ExcelContext {
  readonly workbook: {
    getActiveCell(): RangeLike;
    readonly worksheets: {
      getActiveWorksheet(): WorksheetLike;
      getItemOrNullObject(key: string): WorksheetLike;
      getItem(key: string): WorksheetLike;
      add(name?: string): WorksheetLike;
    };
    readonly settings: {
      add(key: string, value: unknown): unknown;
      getItemOrNullObject(key: string): SettingLike;
    };
  };
  sync(): Promise<unknown>;
}
