/**
 * Files between the hub (base64 in JSON) and the browser (Blobs): print a PDF, download a file,
 * open a scan, read a chosen file for upload. Browser APIs only, so the same code runs in the
 * Electron window and in any browser on the LAN.
 */

export function blobOf(base64: string, mime: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: mime });
}

/** A chosen file as base64 (without the `data:…;base64,` prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Blob URLs are released a while after use: the print dialog or the new tab still needs them. */
function releaseLater(url: string): void {
  setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
}

/** Opens a file in a new tab (a scan, or a PDF when printing from a frame is not possible). */
export function openInNewTab(base64: string, mime: string): boolean {
  const url = URL.createObjectURL(blobOf(base64, mime));
  releaseLater(url);
  return window.open(url, '_blank') !== null;
}

/**
 * Prints a PDF through the browser's print dialog: the PDF is loaded in a hidden frame and that
 * frame prints. Where a frame may not print (a blocked plugin, a policy), it opens in a new tab
 * for the officer to print from there. Returns how it went, for the message on screen.
 */
export function printPdf(base64: string): Promise<'dialog' | 'tab' | 'blocked'> {
  const url = URL.createObjectURL(blobOf(base64, 'application/pdf'));
  releaseLater(url);
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.className = 'print-frame';
    frame.title = 'In tài liệu';
    frame.tabIndex = -1;
    frame.setAttribute('aria-hidden', 'true');
    // Inert: the PDF viewer inside must never take the keyboard, or the officer's F-keys would go
    // to an invisible frame. Printing does not need focus.
    frame.inert = true;
    const fallback = () => resolve(window.open(url, '_blank') !== null ? 'tab' : 'blocked');
    // A browser without a PDF viewer never loads the frame: the tab (or a download) it is.
    const timer = setTimeout(fallback, 8000);
    frame.onload = () => {
      clearTimeout(timer);
      try {
        frame.contentWindow!.print();
        resolve('dialog');
      } catch {
        fallback();
      }
      // The frame stays until the next print: removing it at once would close the dialog.
    };
    document.querySelectorAll('iframe.print-frame').forEach((f) => f.remove());
    // The address before the frame joins the page: otherwise its first load is an empty page.
    frame.src = url;
    document.body.appendChild(frame);
  });
}

/** Saves a file through the browser's download (register exports). */
export function download(base64: string, mime: string, fileName: string): void {
  const url = URL.createObjectURL(blobOf(base64, mime));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  releaseLater(url);
}
