import { runUntilSignal } from '../../kit/src';
import { loadCampaignConfig } from './config';
import { createCampaignService } from './server';

runUntilSignal('campaign', loadCampaignConfig, createCampaignService);
