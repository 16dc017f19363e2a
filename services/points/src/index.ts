import { runUntilSignal } from '../../kit/src';
import { loadPointsConfig } from './config';
import { createPointsService } from './server';

runUntilSignal('points', loadPointsConfig, createPointsService);
