import { runUntilSignal } from '../../kit/src';
import { loadMemberConfig } from './config';
import { createMemberService } from './server';

runUntilSignal('member', loadMemberConfig, createMemberService);
