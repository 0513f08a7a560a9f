// The relations a foreign graph's plan makes, kept by columns. An edge as other tools write it is
// two ends, maybe a weight and a direction: such an edge is a few numbers here, and only an edge
// with more (attributes, dates, a description, a type the schema had to check) keeps its checked
// fields as an object. At a million edges the plan held a million field objects and the run a
// million records beside them (about 350 MB); the records are now made a slice at a time, as
// they are written.
import { RELATION_TYPES } from '../../../../shared/domain';
import { doubled } from '../model/doubled';

type RelationType = (typeof RELATION_TYPES)[number];
const TYPE_CODE = new Map<string, number>(RELATION_TYPES.map((t, i) => [t, i]));

export class PlannedRelations {
  length = 0;
  /** Each relation's ends, as places in the plan's organisations. */
  private source = new Int32Array(1024);
  private target = new Int32Array(1024);
  private type = new Uint8Array(1024);
  /** NaN: no weight. */
  private weight = new Float64Array(1024);
  private undirected = new Uint8Array(1024);
  /** The checked fields of relations that are more than ends, type, weight and direction, by place. */
  private readonly fields = new Map<number, Record<string, unknown>>();

  /** How many relations keep their fields as an object (the rest are numbers in the columns). */
  get kept(): number {
    return this.fields.size;
  }

  /** A relation of ends, a type, a finite weight or none, and a direction. */
  addPlain(source: number, target: number, type: RelationType, weight: number | null, directed: boolean): void {
    const k = this.grow();
    this.source[k] = source;
    this.target[k] = target;
    this.type[k] = TYPE_CODE.get(type)!;
    this.weight[k] = weight ?? NaN;
    this.undirected[k] = directed ? 0 : 1;
  }

  /** A relation whose checked fields are kept whole (they name their ends' IDs themselves). */
  addFields(fields: Record<string, unknown>): void {
    this.fields.set(this.grow(), fields);
  }

  /**
   * The fields of relations [from, to), each a fresh object the caller may complete into a record;
   * `idAt` turns a place in the plan's organisations into its ID.
   */
  slice(from: number, to: number, idAt: (place: number) => string): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (let k = from; k < Math.min(to, this.length); k++) {
      const kept = this.fields.get(k);
      if (kept) {
        out.push({ ...kept });
        continue;
      }
      const attributes: Record<string, unknown> = {};
      const w = this.weight[k]!;
      if (!Number.isNaN(w)) attributes.weight = w;
      if (this.undirected[k]) attributes.directed = false;
      out.push({
        sourceId: idAt(this.source[k]!),
        targetId: idAt(this.target[k]!),
        type: RELATION_TYPES[this.type[k]!],
        startDate: null,
        endDate: null,
        description: null,
        attributes,
      });
    }
    return out;
  }

  private grow(): number {
    const k = this.length++;
    if (k === this.source.length) {
      this.source = doubled(this.source);
      this.target = doubled(this.target);
      this.type = doubled(this.type);
      this.weight = doubled(this.weight);
      this.undirected = doubled(this.undirected);
    }
    return k;
  }
}
