import type { OrderSummary } from '../../core/index';

/** "On Review ... click Submit" then "Download Order Summary (PDF)": the summary as a one-page document. */
export async function renderOrderSummaryPdf(summary: OrderSummary, options: { compress?: boolean } = {}): Promise<Buffer> {
  // Loaded on the first summary, not at start: pdfkit and its fonts cost the idle bot about 25 MB of RSS.
  const { default: PDFDocument } = await import('pdfkit');
  // Uncompressed by choice when asked: the text can then be read back (tests, archiving tools).
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    compress: options.compress ?? true,
    info: { Title: `Order summary: ${summary.customerName}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(18).text('Webex Contact Center order summary');
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#555555').text(stateLine(summary)).fillColor('#000000');
  doc.moveDown();
  const rows: [string, string][] = [
    ['Customer', summary.customerName],
    ['Licences', summary.licences.length ? summary.licences.join('\n') : 'none listed'],
    ['SIP address name', summary.sipAddressName],
    ['Country of operation', summary.country],
    ['Region', summary.region],
    ['Data centre', summary.dataCenter],
    ['Time zone', summary.timezone ?? 'none (only CCAI services are provisioned)'],
    ['Platform', summary.platform],
    ['Telephony', summary.telephony],
    ['Submitted by', summary.submittedBy],
    ['Submitted at', `${summary.submittedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`],
  ];
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(11).text(label, 56, y, { width: 150 });
    const labelBottom = doc.y;
    doc.font('Helvetica').text(value, 216, y, { width: 323 });
    doc.y = Math.max(doc.y, labelBottom) + 6;
  }
  doc.end();
  return done;
}

function stateLine(summary: OrderSummary): string {
  if (summary.state === 'completed')
    return 'The services setup is complete: the Contact Center service is available in the customer organization.';
  if (summary.state === 'failed') return 'The services setup failed; contact your partner or Cisco support.';
  return 'The services setup was submitted and takes a few minutes.';
}
