// TEMPORARY: placeholders for the explorer's engine calls while they are being written.
import { AtlasError } from '../../../shared/errors';
export const notYet = (name: string): never => {
  throw new AtlasError('internal', `${name} is not implemented yet`);
};
