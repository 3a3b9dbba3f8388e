/**
 * A memo that keeps what is in use without growing: at most `limit` entries in each of two
 * generations. When the newer one is full it becomes the older one and the oldest is dropped; a hit
 * in the older generation moves the entry to the newer. Work repeated on every keystroke, or in every
 * file of a CLI run, is done once.
 *
 * Keys are texts taken from documents. V8 keeps a substring as a view into the string it was cut
 * from, so a key cut from a charter would keep that whole version of the charter alive for as long as
 * the entry lives: one copy per keystroke. Each key is therefore stored as a copy of its own, and
 * `compute` is given that copy, so that nothing it derives from the key points into the document.
 */
export class BoundedCache<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string, compute: (key: string) => V): V {
    const hit = this.current.get(key);
    if (hit !== undefined || this.current.has(key)) return hit as V;
    const own = detached(key);
    const value = this.previous.has(key) ? (this.previous.get(key) as V) : compute(own);
    if (this.current.size >= this.limit) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(own, value);
    return value;
  }
}

/** A copy of `text` that shares no memory with the string it may have been cut from. */
function detached(text: string): string {
  // Parsing builds a new string; slicing, templates and normalize() may return a view or the original.
  return JSON.parse(JSON.stringify(text)) as string;
}
