/** regions lists each region with its availability zones, as Tencent Cloud names them. */
export const regions: Readonly<Record<string, readonly string[]>> = {
  'ap-guangzhou': ['ap-guangzhou-1', 'ap-guangzhou-2', 'ap-guangzhou-3', 'ap-guangzhou-4'],
  'ap-shanghai': ['ap-shanghai-1', 'ap-shanghai-2', 'ap-shanghai-3', 'ap-shanghai-4', 'ap-shanghai-5'],
  'ap-beijing': ['ap-beijing-1', 'ap-beijing-2', 'ap-beijing-3', 'ap-beijing-4', 'ap-beijing-5'],
  'ap-chengdu': ['ap-chengdu-1', 'ap-chengdu-2'],
  'ap-hongkong': ['ap-hongkong-1', 'ap-hongkong-2', 'ap-hongkong-3'],
  'ap-singapore': ['ap-singapore-1', 'ap-singapore-2', 'ap-singapore-3'],
  'na-siliconvalley': ['na-siliconvalley-1', 'na-siliconvalley-2'],
  'eu-frankfurt': ['eu-frankfurt-1', 'eu-frankfurt-2'],
};

export const DEFAULT_REGION = 'ap-guangzhou';
export const DEFAULT_ZONE = 'ap-guangzhou-3';
