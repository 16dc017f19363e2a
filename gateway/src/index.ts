import { runUntilSignal } from '../../services/kit/src';
import { loadGatewayConfig } from './config';
import { createGateway } from './server';

runUntilSignal('gateway', loadGatewayConfig, createGateway);
