import { extraFromUrl } from '../../forms';
import { installBench } from '../../harness';
import { BenchForm } from './form';

const extra = extraFromUrl();
installBench((onValue) => <BenchForm extra={extra} onValue={onValue} />);
