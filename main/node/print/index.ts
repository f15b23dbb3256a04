/** The printing toolkit: documents as data → bytes / preview, and the links that carry them. */
export type * from './layout-types';
export { printerProfile, columnsOf, type ProfileOptions } from './profiles';
export { ticketDocument, receiptSlipDocument, testPageDocument } from './layouts';
export { encode } from './encode';
export { preview } from './preview';
export { renderDocument, type RenderedItem } from './render';
export { PrinterError, type PrinterErrorCode } from './printer-error';
export { parseStatus, statusProblem, type PrinterStatus } from './printer-status';
export { openPrinterTransport, type PrinterLink, type PrinterTransport } from './transport';
export { printJob, readPrinterStatus, type PrintJobOptions } from './print-job';
export { TcpTransport, type TcpTransportOptions } from './tcp-transport';
export { SerialTransport, type SerialTransportOptions, type SerialFlowControl } from './serial-transport';
export { FileTransport } from './file-transport';
