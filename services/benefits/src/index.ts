import { runUntilSignal } from '../../kit/src';
import { loadBenefitsConfig } from './config';
import { createBenefitsService } from './server';

runUntilSignal('benefits', loadBenefitsConfig, createBenefitsService);
