import { runUntilSignal } from '../../kit/src';
import { loadRiskConfig } from './config';
import { createRiskService } from './server';

runUntilSignal('risk', loadRiskConfig, createRiskService);
