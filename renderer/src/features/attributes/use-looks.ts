// The attribute looks of the current style, with the catalogue and the values they need asked for
// as they become needed: the graph and the legend both read this hook.
import { useEffect, useMemo } from 'react';
import { useAtlas } from '../../store/atlas';
import { attributeLooks, type AttributeLooks } from './looks';
import { useAttributes } from './store';

/** A text that changes whenever the network does (an import, an edit): when to read the catalogue again. */
function useNetworkVersion(): string | null {
  const counts = useAtlas((s) => s.slice?.counts ?? null);
  return counts ? `${counts.organisations.total}:${counts.ties.total}:${counts.partnerships.total}:${counts.events.total}` : null;
}

export function useAttributeLooks(): AttributeLooks | null {
  const style = useAtlas((s) => s.vs.style);
  const version = useNetworkVersion();
  const values = useAttributes((s) => s.values);
  const refresh = useAttributes((s) => s.refresh);
  const want = useAttributes((s) => s.want);
  useEffect(() => {
    if (version !== null) void refresh(version);
  }, [version, refresh]);
  const catalogueVersion = useAttributes((s) => s.version);
  useEffect(() => {
    if (catalogueVersion === null) return;
    if (style.colourBy === 'attribute' && style.colourAttribute) void want('organisation', style.colourAttribute);
    if (style.sizeBy === 'attribute' && style.sizeAttribute) void want('organisation', style.sizeAttribute);
    if (style.edgeWidth === 'attribute' && style.widthAttribute) void want('relation', style.widthAttribute);
  }, [style, want, catalogueVersion]);
  const uses = style.colourBy === 'attribute' || style.sizeBy === 'attribute' || style.edgeWidth === 'attribute';
  return useMemo(() => (uses ? attributeLooks(style, values) : null), [uses, style, values]);
}
