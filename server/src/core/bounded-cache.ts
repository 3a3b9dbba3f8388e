/**
 * A memo that keeps what is in use without growing: at most `limit` entries in each of two
 * generations. When the newer one is full it becomes the older one and the oldest is dropped; a hit
 * in the older generation moves the entry to the newer. Work repeated on every keystroke, or in every
 * file of a CLI run, is done once.
 */
export class BoundedCache<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K, compute: (key: K) => V): V {
    const hit = this.current.get(key);
    if (hit !== undefined || this.current.has(key)) return hit as V;
    const value = this.previous.has(key) ? (this.previous.get(key) as V) : compute(key);
    if (this.current.size >= this.limit) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
    return value;
  }
}
