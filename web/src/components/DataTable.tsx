import type { ReactNode } from 'react';

/** One column: its header and how a row shows in it (a class for the cell, e.g. `mono`). */
export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  className?: string | ((row: T) => string | undefined);
  /** Cell tooltip, e.g. the full value of a shortened hash. */
  title?: (row: T) => string;
}

/** A scrollable data table: one row per item, one cell per column. */
export function DataTable<T>({ columns, rows, rowKey }: { columns: readonly Column<T>[]; rows: readonly T[]; rowKey: (row: T) => string | number }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th scope="col" key={i}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) => (
                <td key={i} className={typeof c.className === 'function' ? c.className(row) : c.className} title={c.title?.(row)}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
