// The legend of what is drawn now, for the window's legend and for the export dialog's pictures:
// one reading of the store, so both say the same.
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { isDark, onDarkChange } from '../../app/theme-choice';
import { useAtlas } from '../../store/atlas';
import { useAttributes } from '../attributes/store';
import { valueKey } from '../attributes/value-key';
import { useAttributeLooks } from '../attributes/use-looks';
import { themeOf } from '../graph/theme';
import { legendOf, type LegendModel } from './legend-model';

export function useLegend(): LegendModel {
  const slice = useDeferredValue(useAtlas((s) => s.slice));
  const aggregate = useDeferredValue(useAtlas((s) => s.aggregate));
  const style = useAtlas((s) => s.vs.style);
  const metrics = useAtlas((s) => s.metrics);
  const attrLooks = useAttributeLooks();
  const colourValues = useAttributes((s) =>
    style.colourAttribute ? s.values[valueKey('organisation', style.colourAttribute)] : undefined,
  );
  const [dark, setDark] = useState(isDark);
  useEffect(() => onDarkChange(setDark), []);
  return useMemo(
    () => legendOf({ slice, aggregate, style, metrics, attrLooks, colourValues, neutralTie: themeOf(dark).edge }),
    [slice, aggregate, style, metrics, attrLooks, colourValues, dark],
  );
}
