/** Copies a child's output to ours line by line, each line prefixed with the service's name. */
export function prefixLines(stream: NodeJS.ReadableStream | null, out: NodeJS.WritableStream, prefix: string, onLine?: (line: string) => void): void {
  let buffered = '';
  stream?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      out.write(prefix + line + '\n');
      onLine?.(line);
    }
  });
  stream?.on('end', () => {
    if (buffered) out.write(prefix + buffered + '\n');
  });
}
